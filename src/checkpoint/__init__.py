"""Checkpoint Station: scan, decide and record every vehicle and person at a gate."""

__version__ = "0.1.0"
APP_NAME = "Checkpoint Station"
APP_ID = "checkpoint-station"
ORG_NAME = "CheckpointStation"
