package io.bhkr.project;

/** A project's life (api.md). COMPLETED and SETTLED happen together in the single-requester case. */
public enum ProjectStatus { NONE, BIDDING, RUNNING, COMPLETED, SETTLED, FAILED, UNASSIGNED, CANCELLED }
