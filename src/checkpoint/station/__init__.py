"""Application services: scan -> verdict -> record, on the Qt side. Widgets never live here."""
