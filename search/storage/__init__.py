"""Storing and indexing: the SQLite store, FAISS vectors, BM25 weights, the papers' lexicon, the embedding model and its caches, and the build that fills them."""
