package io.bhkr.project;

import io.bhkr.project.ProjectAwarded;
import io.bhkr.rules.Resources;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/** Tells the winning provider that a project now occupies some of its capacity, from {@code at} (the auction's close). */
public record ProjectAwarded(String id, Party from, Party to, String projectId, Resources resources, long at) implements Dispatch {}
