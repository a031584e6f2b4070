"""aotext: plain-text toolkit for autonomous organizing."""

__version__ = "0.1.0"
