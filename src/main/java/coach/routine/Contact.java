package coach.routine;

/**
 * How to reach the clinician. Every field but {@code name} may be null; at least one way to reach
 * them (email, phone or booking) is required by the loader.
 *
 * @param role whose card this is, e.g. "your physiotherapist at Northside Clinic" or "author of
 *     the article this routine is based on; not your own clinician"
 * @param booking a booking link or text, e.g. a free 15-minute discovery call
 * @param note extra advice, e.g. that a physical therapist can be seen without a referral
 */
public record Contact(String name, String role, String email, String phone, String booking,
    String note) {}
