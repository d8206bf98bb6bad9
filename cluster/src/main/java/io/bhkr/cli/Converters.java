package io.bhkr.cli;

import io.bhkr.persistence.JournalProfile;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value types of the command line that need more than picocli's own converters: each says in
 * its message what it takes, and picocli puts the option's name in front of it
 * ({@code bhkr: Invalid value for option '--http-port' (N): must be a port number 0..65535, not '99999'}, exit 2).
 */
final class Converters {

  private Converters() {}

  static final class Port implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port >= 0 && port <= 65535) return port;
      } catch (NumberFormatException e) {
        // the same message as an out-of-range number
      }
      throw new TypeConversionException("must be a port number 0..65535, not '" + value + "'");
    }
  }

  /** A host name or IPv4 address, as Akka's remoting and management bind to it. */
  static final class Host implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!value.matches("[A-Za-z0-9.\\-]+")) throw new TypeConversionException("must be a host name or IPv4 address, not '" + value + "'");
      return value;
    }
  }

  static final class NonBlank implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isBlank()) throw new TypeConversionException("must not be empty");
      return value;
    }
  }

  static final class PathName implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      if (value.isBlank()) throw new TypeConversionException("must not be empty");
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        throw new TypeConversionException("is not a path: " + e.getMessage());
      }
    }
  }

  static final class Profile implements ITypeConverter<JournalProfile> {
    @Override
    public JournalProfile convert(String value) {
      try {
        return JournalProfile.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("must be embedded, postgres or cassandra, not '" + value + "'");
      }
    }
  }

  static final class Positive implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 1) return n;
      } catch (NumberFormatException e) {
        // the same message as a number below 1
      }
      throw new TypeConversionException("must be a whole number of at least 1, not '" + value + "'");
    }
  }

  static final class PositiveLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        long n = Long.parseLong(value);
        if (n >= 1) return n;
      } catch (NumberFormatException e) {
        // the same message as a number below 1
      }
      throw new TypeConversionException("must be a whole number of at least 1, not '" + value + "'");
    }
  }

  /** The development genesis's timings: whole seconds, at most a day (longer would only make a development market wait). */
  static final class GenesisSeconds implements ITypeConverter<Long> {
    static final long MAX = 86_400;

    @Override
    public Long convert(String value) {
      try {
        long seconds = Long.parseLong(value);
        if (seconds >= 1 && seconds <= MAX) return seconds;
      } catch (NumberFormatException e) {
        // the same message as a number out of range
      }
      throw new TypeConversionException("takes whole seconds from 1 to " + MAX + ", not '" + value + "'");
    }
  }

  /** A node's API: an http(s) URL with a host. */
  static final class Api implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        URI uri = new URI(value);
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return uri;
      } catch (URISyntaxException e) {
        // same message as a URI of the wrong kind
      }
      throw new TypeConversionException("must be a URL like " + CallCommand.DEFAULT_API + ", not '" + value + "'");
    }
  }

  /** An Ethereum address, kept in lower case as the node writes addresses. */
  static final class Address implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!value.matches("0x[0-9a-fA-F]{40}")) throw new TypeConversionException("must be an Ethereum address (0x and 40 hex digits), not '" + value + "'");
      return value.toLowerCase();
    }
  }

  static final class WholeNumber implements ITypeConverter<BigInteger> {
    @Override
    public BigInteger convert(String value) {
      try {
        return new BigInteger(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("must be a whole number, not '" + value + "'");
      }
    }
  }

  static final class UnixSeconds implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        BigInteger seconds = new BigInteger(value);
        if (seconds.signum() > 0 && seconds.bitLength() <= 63) return seconds.longValueExact();
      } catch (NumberFormatException e) {
        // the same message as a time out of range
      }
      throw new TypeConversionException("must be a time in unix seconds, not '" + value + "'");
    }
  }

  /** An instant as ISO-8601 (2026-12-02T18:58:49Z) or Unix seconds. */
  static final class Time implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return value.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(value)) : Instant.parse(value);
      } catch (RuntimeException e) {
        throw new TypeConversionException("takes a time as 2026-12-02T18:58:49Z or Unix seconds, not '" + value + "'");
      }
    }
  }

  /** A development account's number: anvil's mnemonic gives 0-9 their roles (bhkr accounts). */
  static final class DevAccount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 0) return n;
      } catch (NumberFormatException e) {
        // the same message as a negative number
      }
      throw new TypeConversionException("needs a development account index (0 operator, 1-3 governors), not '" + value + "'");
    }
  }

  /** A chain key of a development account: anvil's mnemonic funds 0-9. */
  static final class ChainDevAccount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      if (!value.matches("[0-9]")) throw new TypeConversionException("must be a development account number 0-9");
      return Integer.parseInt(value);
    }
  }
}
