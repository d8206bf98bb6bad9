package io.bhkr.provider;

import io.bhkr.provider.ProjectUnplaced;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/** The project this node ran is over (settled or failed) at {@code at}. */
public record ProjectUnplaced(String id, Party from, Party to, String projectId, long at) implements Dispatch {}
