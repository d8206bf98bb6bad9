package io.bhkr.cli.process.fault;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of one request sent while the node may be killed at any moment.
 *
 * @param status the HTTP status, or 0 when no answer came
 * @param sent false only when the connection was refused: the request never reached a node
 * @param body the parsed answer, or null
 */
public record Answer(int status, boolean sent, JsonNode body) {

  /** 2xx: the node said it was done (or, for 202, that it will be). It must not be lost. */
  public boolean accepted() {
    return status >= 200 && status < 300;
  }

  /** No answer, or 5xx: it may or may not have taken effect. */
  public boolean maybe() {
    return sent && (status == 0 || status >= 500);
  }

  /** 4xx, or never sent: certainly changed nothing. */
  public boolean refused() {
    return !accepted() && !maybe();
  }

  public String text(String field) {
    return body == null ? null : body.path(field).asText(null);
  }
}
