package io.bhkr.provider;

import io.bhkr.provider.ProjectPlaced;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/** The provider runs a won project on this node from {@code at}. */
public record ProjectPlaced(String id, Party from, Party to, String projectId, long at) implements Dispatch {}
