"""Lexicons per language: targets, weapons, actors, casualties, numbers, cues."""
