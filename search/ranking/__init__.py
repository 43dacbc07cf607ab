"""Ranking: reading a query (the meeting, body and type it names) and fusing lexical and dense retrieval."""
