"""Near-duplicate detection: MinHash signatures + LSH with containment verification."""

from newsfuse.dedupe.index import Deduplicator, containment
from newsfuse.dedupe.shingles import shingle_count, signature, signatures

__all__ = ["Deduplicator", "containment", "shingle_count", "signature", "signatures"]
