"""timeline: news articles in, a sourced and ordered chronology out, published as a static site."""

__version__ = "0.1.0"
