"""Text -> agreement mentions: morphology, gazetteer matching, cues, dates and themes."""
