package io.bhkr.serialization;

/** A fact an entity has persisted. Past tense, and carrying every input its replay needs. */
public interface DomainEvent extends JsonSerializable {}
