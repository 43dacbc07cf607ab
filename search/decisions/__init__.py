"""Decisions: the registers of resolutions, recommendations, commitments and actions, and the links between them (outcomes, fulfilment, lineage)."""
