"""Extract: per report, what it claims and who it quotes.

:mod:`.stage` is the stage (articles in, :class:`~newscheck.model.Analysis` out); the
modules beside it each read one thing from the parse:

* :mod:`.nlp` - the spaCy pipeline, loaded once;
* :mod:`.quotes` - direct and reported quotes with their speakers;
* :mod:`.claims` - subject, predicate, object, negation, hedging and asserter of each clause;
* :mod:`.negation` - whether a verb is negated, for claims and frames alike;
* :mod:`.frames` - who did what to whom, per sentence;
* :mod:`.quantities`, :mod:`.times`, :mod:`.roles` - figures, dates and durations, roles.
"""
