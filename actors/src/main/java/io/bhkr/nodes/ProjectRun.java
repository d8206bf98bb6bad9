package io.bhkr.nodes;

import io.bhkr.serialization.JsonSerializable;

/** A project the node ran for its provider: from {@code startedAt}, until {@code finishedAt} (0 while running). */
public record ProjectRun(String projectId, long startedAt, long finishedAt) implements JsonSerializable {}
