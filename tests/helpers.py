"""Re-exported builders for tests (``from helpers import make_article``)."""
from conftest import make_article, parse_article  # noqa: F401
