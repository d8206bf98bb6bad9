package io.bhkr.audit;


/** An assigned auditor reported the share of successful probes of its target in the period. */
public record AuditReported(long period, String auditorNodeId, String targetNodeId, int upBps, long at) implements AuditRoundEvents {}
