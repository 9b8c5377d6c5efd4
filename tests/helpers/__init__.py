"""Helpers shared by tests of several apps: import them from here, never from another test module."""
