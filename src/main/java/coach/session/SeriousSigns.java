package coach.session;

import java.util.List;

/**
 * The signs of a serious cause a therapist asks about before the first session of a routine
 * nobody prescribed (GUIDE section 3): any "yes" advises seeing a doctor first. Kept by id in the
 * history; the words are in the bundles ({@code serious.<id>}).
 */
public final class SeriousSigns {
  private SeriousSigns() {}

  /** In the order asked. */
  public static final List<String> IDS = List.of("cancer", "weight-loss", "fever", "injury",
      "night-pain", "age");
}
