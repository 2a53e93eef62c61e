"""Story grouping."""

def group_stories(analyses, settings):
    raise NotImplementedError
