package io.bhkr.project;

import io.bhkr.project.ProjectReleased;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/**
 * Tells a provider that a project no longer occupies its capacity, from {@code at} (its settlement
 * or failure). {@code failed} says the provider failed it (economics 7): the failure is on its
 * score whatever compensation it owes, even none (a failure on the last day).
 */
public record ProjectReleased(String id, Party from, Party to, String projectId, long at, boolean failed) implements Dispatch {}
