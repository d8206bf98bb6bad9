package io.bhkr.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

/**
 * Every class the journal holds, found on the node's classpath: the records that implement
 * {@link DomainEvent}, and the two event roots that predate it (the quote's {@code QuoteIssued},
 * the nonce book's {@code NonceBook.Event}). {@link #schema()} describes each with the value types
 * it reaches, field by field, in a stable text form: the journal's schema, which
 * {@link EventSchemaTest} compares with the committed one.
 */
final class EventCatalog {

  /** Persisted event classes that are not DomainEvents (older roots), by name. */
  private static final Set<String> OTHER_ROOTS = Set.of("io.bhkr.quote.QuoteEntity$QuoteIssued", "io.bhkr.http.auth.NonceBook$Event",
      "io.bhkr.http.auth.AnswerBook$Event");

  private EventCatalog() {}

  /** Every concrete persisted event class, sorted by name. */
  static List<Class<?>> events() {
    List<Class<?>> roots = new ArrayList<>();
    roots.add(DomainEvent.class);
    for (String name : OTHER_ROOTS) roots.add(load(name));
    List<Class<?>> events = new ArrayList<>();
    for (Class<?> c : classes())
      if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && roots.stream().anyMatch(r -> r.isAssignableFrom(c))) events.add(c);
    events.sort((a, b) -> a.getName().compareTo(b.getName()));
    return events;
  }

  /** Every concrete class of ours that Akka serializes with Jackson: events, snapshot states and messages. */
  static List<Class<?>> serializables() {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> c : classes())
      if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && JsonSerializable.class.isAssignableFrom(c)) out.add(c);
    return out;
  }

  /** Whether a value of {@code c} can hold a {@code target} somewhere in its fields. */
  static boolean reaches(Class<?> c, Class<?> target) {
    return reaches(c, target, new HashSet<>());
  }

  private static boolean reaches(Type t, Class<?> target, Set<Type> seen) {
    if (!seen.add(t)) return false;
    if (t instanceof ParameterizedType p) {
      for (Type a : p.getActualTypeArguments()) if (reaches(a, target, seen)) return true;
      return reaches(p.getRawType(), target, seen);
    }
    if (t instanceof GenericArrayType g) return reaches(g.getGenericComponentType(), target, seen);
    if (!(t instanceof Class<?> c)) return false;
    if (target.isAssignableFrom(c) || (c.isAssignableFrom(target) && c.getName().startsWith("io.bhkr."))) return true;
    if (c.isArray()) return reaches(c.getComponentType(), target, seen);
    if (!c.getName().startsWith("io.bhkr.") || c.isEnum()) return false;
    if (c.isSealed()) for (Class<?> sub : c.getPermittedSubclasses()) if (reaches(sub, target, seen)) return true;
    for (Field f : c.getDeclaredFields())
      if (!Modifier.isStatic(f.getModifiers()) && reaches(f.getGenericType(), target, seen)) return true;
    return false;
  }

  /** One line per event and per value type it reaches: {@code name: field Type, …}. */
  static List<String> schema() {
    TreeMap<String, String> lines = new TreeMap<>();
    for (Class<?> e : events()) describe(e, lines);
    List<String> out = new ArrayList<>();
    lines.forEach((name, fields) -> out.add(name + ": " + fields));
    return out;
  }

  /** The value types (records, enums, polymorphic interfaces of ours) that {@code c}'s fields reach. */
  static void describe(Class<?> c, TreeMap<String, String> into) {
    if (into.containsKey(c.getName())) return;
    if (c.isEnum()) {
      into.put(c.getName(), "enum " + String.join(", ", Stream.of(c.getEnumConstants()).map(Object::toString).toList()));
      return;
    }
    if (c.isInterface()) {
      JsonSubTypes subs = c.getAnnotation(JsonSubTypes.class);
      List<String> names = new ArrayList<>();
      into.put(c.getName(), "");
      if (subs != null) for (JsonSubTypes.Type t : subs.value()) {
        names.add(t.name() + "=" + t.value().getName());
        describe(t.value(), into);
      }
      into.put(c.getName(), "one of " + String.join(", ", names));
      return;
    }
    if (!c.isRecord()) {
      into.put(c.getName(), "class (not a record)");
      return;
    }
    into.put(c.getName(), "");
    List<String> fields = new ArrayList<>();
    for (RecordComponent rc : c.getRecordComponents()) {
      fields.add(rc.getName() + " " + typeName(rc.getGenericType()));
      reached(rc.getGenericType(), into);
    }
    into.put(c.getName(), String.join(", ", fields));
  }

  private static void reached(Type t, TreeMap<String, String> into) {
    if (t instanceof Class<?> c) {
      if (c.isArray()) reached(c.getComponentType(), into);
      else if (c.getName().startsWith("io.bhkr.")) describe(c, into);
    } else if (t instanceof ParameterizedType p) {
      reached(p.getRawType(), into);
      for (Type a : p.getActualTypeArguments()) reached(a, into);
    } else if (t instanceof GenericArrayType g) reached(g.getGenericComponentType(), into);
  }

  /** A type as written in Java, with our own types by their full name. */
  static String typeName(Type t) {
    if (t instanceof Class<?> c) {
      if (c.isArray()) return typeName(c.getComponentType()) + "[]";
      return c.getName().startsWith("io.bhkr.") ? c.getName() : c.getSimpleName();
    }
    if (t instanceof ParameterizedType p) {
      List<String> args = new ArrayList<>();
      for (Type a : p.getActualTypeArguments()) args.add(typeName(a));
      return typeName(p.getRawType()) + "<" + String.join(", ", args) + ">";
    }
    return t.getTypeName();
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, EventCatalog.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("event root " + name + " is gone: " + e.getMessage(), e);
    }
  }

  /** Every class under io/bhkr on the classpath, from folders (the reactor) and jars alike. */
  private static List<Class<?>> classes() {
    Set<String> names = new TreeSet<>();
    try {
      Enumeration<URL> roots = EventCatalog.class.getClassLoader().getResources("io/bhkr");
      for (URL root : Collections.list(roots)) {
        // the node's own classes only: test folders and test jars hold fixtures, not its events
        if (root.toString().contains("test-classes") || root.toString().contains("-tests.jar")) continue;
        if (root.getProtocol().equals("file")) {
          Path base = Path.of(root.toURI()).getParent().getParent();
          try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            files.filter(f -> f.toString().endsWith(".class"))
                .forEach(f -> names.add(className(base.relativize(f).toString())));
          }
        } else if (root.getProtocol().equals("jar")) {
          JarURLConnection jar = (JarURLConnection) root.openConnection();
          for (JarEntry e : Collections.list(jar.getJarFile().entries()))
            if (e.getName().startsWith("io/bhkr/") && e.getName().endsWith(".class")) names.add(className(e.getName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String n : names) {
      try {
        classes.add(Class.forName(n, false, EventCatalog.class.getClassLoader()));
      } catch (ClassNotFoundException | LinkageError skipped) {
        // a class that cannot load cannot be persisted either
      }
    }
    return classes;
  }

  private static String className(String path) {
    return path.replace('\\', '/').replace('/', '.').substring(0, path.length() - ".class".length());
  }
}
