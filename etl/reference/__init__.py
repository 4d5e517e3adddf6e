"""Reference gazetteer: hromadas, settlements, countries, foreign places, boundaries."""
