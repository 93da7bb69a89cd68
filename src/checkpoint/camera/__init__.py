"""Camera layer: frame sources, the decode pipeline and its threads (no Qt)."""
