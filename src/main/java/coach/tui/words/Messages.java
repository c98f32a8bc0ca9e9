package coach.tui.words;

import java.text.MessageFormat;
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
  /** The texts of the keys without arguments, formatted once (most of a screen's words). */
  private final Map<String, String> plain = new ConcurrentHashMap<>();
  private static final Map<Language, Messages> BY_LANGUAGE = new ConcurrentHashMap<>();

  private Messages(Language language) {
    this.language = language;
    // no fallback to the JVM's default locale: English is the base bundle, whatever runs us
    this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

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
    return formatted(key, args);
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
