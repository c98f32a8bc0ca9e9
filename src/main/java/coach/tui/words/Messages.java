package coach.tui.words;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of the screens in one language: every sentence a person reads comes from the bundle
 * {@code messages*.properties} by its key and is formatted by {@link MessageFormat} with its
 * numbers. So in the bundle every value is a MessageFormat pattern: an apostrophe is written
 * twice ({@code Let''s}), and a plural is a choice ({@code {0,choice,1#1 set|1<{0} sets}}).
 *
 * <p>One instance per language, shared by every session and terminal in that language (the SSH
 * server's thousand sessions parse each pattern once per thread): it holds nothing but the
 * bundle's patterns and the texts without arguments, all safe for several threads. One process serves
 * sessions in several languages.
 */
public final class Messages {
  /** The base name of the bundle under src/main/resources. */
  public static final String BUNDLE = "messages";

  private final Language language;
  private final ResourceBundle bundle;
  /**
   * Parsed patterns by key, each thread its own: a MessageFormat is not safe for two threads at
   * once, and the server's workers would otherwise wait on each other's lock every frame.
   */
  private final ThreadLocal<Map<String, MessageFormat>> formats =
      ThreadLocal.withInitial(java.util.HashMap::new);
  /**
   * The texts formatted with arguments, by key and arguments, shared by every thread: a frame
   * asks for mostly the same words as the one a second before ("Rep 2 of 5"), and so do a
   * server's sessions; MessageFormat makes a number format for each number and parses a
   * plural's text again on every call. Emptied when full, so it holds at most a few screens'
   * worth of the numbers in use.
   */
  private final Map<Asked, String> recent = new ConcurrentHashMap<>();
  private static final int RECENT_AT_MOST = 4096;
  /** The texts of the keys without arguments, formatted once (most of a screen's words). */
  private final Map<String, String> plain = new ConcurrentHashMap<>();
  private static final Map<Language, Messages> BY_LANGUAGE = new ConcurrentHashMap<>();

  private Messages(Language language) {
    this.language = language;
    this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), BUNDLES);
  }

  /**
   * Which files make a language's bundle: its own over the English base, and no other. No
   * fallback to the JVM's default locale, whatever runs us; and English is never looked for as
   * a file of its own, since there is none: looking for a missing file opens every jar on the
   * class path, several hundredths of a second of a start.
   */
  private static final ResourceBundle.Control BUNDLES = new ResourceBundle.Control() {
    @Override
    public List<String> getFormats(String baseName) {
      return FORMAT_PROPERTIES;
    }

    @Override
    public Locale getFallbackLocale(String baseName, Locale locale) {
      return null;
    }

    @Override
    public List<Locale> getCandidateLocales(String baseName, Locale locale) {
      return locale.equals(Language.ENGLISH.locale()) ? List.of(Locale.ROOT)
          : List.of(locale, Locale.ROOT);
    }
  };

  public static Messages of(Language language) {
    return BY_LANGUAGE.computeIfAbsent(language, Messages::new);
  }

  public static Messages english() {
    return of(Language.ENGLISH);
  }

  public Language language() {
    return language;
  }

  /**
   * The message of a key with its arguments in place. A key missing from the bundle (a test
   * keeps that from happening) shows as the key itself rather than stopping a session.
   */
  public String get(String key, Object... args) {
    if (args.length == 0) {
      String text = plain.get(key);
      if (text == null) {
        text = formatted(key, args);
        plain.put(key, text);
      }
      return text;
    }
    if (!Asked.keepable(args)) {
      return formatted(key, args);
    }
    Asked asked = new Asked(key, args.clone());
    String text = recent.get(asked);
    if (text == null) {
      text = formatted(key, args);
      if (recent.size() >= RECENT_AT_MOST) {
        recent.clear();
      }
      recent.put(asked, text);
    }
    return text;
  }

  /** A key and its arguments, all of them values that cannot change once made. */
  private record Asked(String key, Object[] args) {
    static boolean keepable(Object[] args) {
      for (Object a : args) {
        if (!(a instanceof String || a instanceof Integer || a instanceof Long
            || a instanceof Boolean)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Asked a && a.key.equals(key) && java.util.Arrays.equals(a.args, args);
    }

    @Override
    public int hashCode() {
      return key.hashCode() * 31 + java.util.Arrays.hashCode(args);
    }
  }

  private String formatted(String key, Object... args) {
    return formats.get().computeIfAbsent(key, this::format).format(args);
  }

  /** Whether the bundle of this language (or the English one under it) has the key. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  private MessageFormat format(String key) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = "'" + key + "'";
    }
    return new MessageFormat(pattern, language.locale());
  }
}
