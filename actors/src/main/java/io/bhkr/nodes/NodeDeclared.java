package io.bhkr.nodes;

import io.bhkr.nodes.NodeDeclared;
import io.bhkr.rules.Resources;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/** A node tells its provider that it was registered with this capacity: the provider places projects by it (economics 7). */
public record NodeDeclared(String id, Party from, Party to, String nodeId, Resources capacity, long at) implements Dispatch {}
