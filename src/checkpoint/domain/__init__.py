"""The domain core: stdlib only, frozen dataclasses and pure functions; time is always an argument."""
