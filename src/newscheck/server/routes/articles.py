"""``GET /api/articles/{id}``: an article's cleaned text, where the evidence stands."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi import Path as PathParam

from ..openapi import fail
from ..schemas import ArticleText
from . import not_found


def articles_router(store: Any) -> APIRouter:
    """The article route, reading from ``store``."""
    router = APIRouter(tags=["articles"])

    @router.get(
        "/api/articles/{article_id}",
        summary="An article's cleaned text",
        responses={
            200: {"model": ArticleText, "description": "The article."},
            404: fail("No article with this id."),
        },
    )
    def get_article(
        article_id: str = PathParam(description="An article id from a report's `articles`."),
    ) -> dict[str, Any]:
        """An article's metadata and cleaned text.

        Every evidence `sentence` of a report is an exact substring of its article's
        `text`, at the evidence's `start`..`end` when the report gives them (Unicode code
        points); `body_start` is where the body begins after the headline. Article ids come
        from the content, so the same report posted twice is one article.
        """
        article = store.get_article(article_id)
        if article is None:
            raise not_found("article", article_id)
        return {
            "id": article.id,
            "input": article.input,
            "outlet": article.outlet,
            "title": article.title,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "words": article.words,
            "language": article.language,
            "body_start": article.body_start,
            "text": article.text,
        }

    return router
