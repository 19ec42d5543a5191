"""Story analysis: entities, quotes, attributed claims, numbers, timeline, comparison."""
