package coach.tui.view;

import java.util.List;

/** The coach's fixed words, in one place. */
public final class Texts {
  private Texts() {}

  public static final String APP = "Rehab Coach";
  public static final String KIOSK_WELCOME = "Welcome";
  public static final String KIOSK_TYPE_CODE =
      "Please type your patient code and press Enter to begin your exercises.";
  public static final String KIOSK_PRESS_ENTER = "Press Enter to begin your exercises.";
  public static final String KIOSK_CODE_LABEL = "Patient code: ";
  public static final String KIOSK_EMPTY = "Please type your patient code first.";
  public static final String KIOSK_UNKNOWN =
      "That code is not known here. Please check it and try again, or ask at the front desk.";
  public static final String KIOSK_LOCKED =
      "Too many codes were not known. Please wait 30 seconds, or ask at the front desk.";
  public static final String KIOSK_FAILED =
      "Your session could not be started. Please ask at the front desk.";
  public static final String KIOSK_BUSY = "A session for this code is already running"
      + " elsewhere. Please finish it there first, or ask at the front desk.";
  public static final String KIOSK_SAVED = "The last session was saved. Thank you!";
  public static final String KIOSK_TIME_LIMIT =
      "The last session was saved and closed because it reached the time limit.";
  public static final String KIOSK_IDLE =
      "The last session was saved and closed because no key was pressed for a while.";
  static final String NOT_A_DIAGNOSIS =
      "This coach does not diagnose. It guides the exercises your clinician chose.";
  static final String WELCOME_NEXT = "Press Enter to begin. First, a few safety questions.";
  static final String SCREENING_TITLE = "Safety check";
  static final String SCREENING_HINT = "Answer y for yes or n for no.";
  static final String URGENT_TITLE = "Please stop and get medical help now";
  static final String NEXT_MORNING_TITLE = "Since your last session";
  static final String NEXT_MORNING_Q =
      "Was your pain worse the morning after your last session?";
  static final String OFFER_TITLE = "Ready for the next step?";
  static final String BASELINE_Q = "Before we start: how much does it hurt right now?";
  static final String PAIN_Q = "How much does it hurt right now?";
  static final String REGION_Q = "Where do you feel the symptoms now?";
  static final String NO_SYMPTOMS = "No symptoms";
  static final String GET_READY = "Get ready";
  static final String REST = "Rest";
  static final String SWITCH_TITLE = "Let's make this easier";
  static final String CONTACT_TITLE = "This exercise stops for today";
  static final String HIGH_PAIN_TITLE = "Your pain is high before starting";
  static final String WHAT_NEXT = "What next: ";
  static final String SUMMARY_TITLE = "Session summary";
  static final String PAUSED = "Paused";
  static final String PAUSED_HINT = "Take your time. Space or Enter to resume.";
  static final String QUIT_Q = "End the session now?";
  static final String QUIT_SAVED = "Everything you rated so far is saved.";

  static String scaleWord(int v) {
    if (v == 0) {
      return "no pain";
    } else if (v <= 3) {
      return "mild";
    } else if (v <= 6) {
      return "moderate";
    } else if (v <= 9) {
      return "severe";
    }
    return "worst imaginable";
  }

  static List<String> help(boolean ascii) {
    String ud = ascii ? "Up/Down" : "\u2191 \u2193";
    return List.of(
        "Enter    confirm, or go on",
        "Space    pause or resume the timer",
        "0-10     type a pain rating (1 then 0 for 10)",
        ud + "  " + (ascii ? "" : "    ") + "change a rating or a choice",
        "s        skip this set, rest or exercise",
        "!        red-flag questions (any time)",
        "?        this help",
        "q        end the session (asks first)",
        "Esc      close a window; never loses anything");
  }

  public static String sep(boolean ascii) {
    return ascii ? " | " : " \u00b7 ";
  }

  static String arrows(boolean ascii) {
    return ascii ? "Up/Down" : "\u2191\u2193";
  }
}
