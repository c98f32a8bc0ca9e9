package coach.tui.words;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages the screens are written in. Chosen by {@code --lang}, else by the locale of the
 * environment (LC_ALL, then LC_MESSAGES, then LANG, the first one set, as POSIX reads them),
 * else English.
 */
public enum Language {
  ENGLISH("en"),
  SPANISH("es");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  /** The language tag, as {@code --lang} takes it: "en", "es". */
  public String tag() {
    return tag;
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  /**
   * The language a tag or a POSIX locale names ("es", "es-MX", "es_ES.UTF-8", "en_GB@euro"), by
   * its language part; empty for one the coach has no words for (and for "C" or "POSIX").
   */
  public static Optional<Language> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lang = name.strip().split("[_.@-]", 2)[0].toLowerCase(Locale.ROOT);
    for (Language l : values()) {
      if (l.tag.equals(lang)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** The language of the environment's locale; English when it names none the coach has. */
  public static Language fromEnvironment(Map<String, String> env) {
    for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return named(v).orElse(ENGLISH);
      }
    }
    return ENGLISH;
  }

  /**
   * The language of {@code --lang} when given, else the environment's.
   *
   * @throws IllegalArgumentException for an option value that names no language the coach has,
   *     with a one-line message for the person who typed it
   */
  public static Language choose(String option, Map<String, String> env) {
    if (option == null) {
      return fromEnvironment(env);
    }
    return named(option).orElseThrow(() -> new IllegalArgumentException(
        "--lang takes " + tags() + ", not \"" + printable(option) + "\""));
  }

  /** What was typed, without control or formatting characters, to be echoed on a terminal. */
  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    s.strip().codePoints().filter(c -> !Character.isISOControl(c)
        && Character.getType(c) != Character.FORMAT).limit(40).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** "en or es": the tags --lang accepts, for help and messages. */
  public static String tags() {
    StringBuilder sb = new StringBuilder();
    Language[] all = values();
    for (int i = 0; i < all.length; i++) {
      sb.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].tag);
    }
    return sb.toString();
  }
}
