"""Suggested clusters of ideas: a theme lexicon of the field, near-duplicates, a similarity graph."""
from .engine import ExistingCluster, Suggestion, suggest_clusters

__all__ = ["ExistingCluster", "Suggestion", "suggest_clusters"]
