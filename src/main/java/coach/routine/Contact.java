package coach.routine;

/**
 * How to reach the clinician. Every field but {@code name} may be null; at least one way to reach
 * them (email, phone or booking) is required by the loader.
 *
 * @param booking a booking link or text, e.g. a free 15-minute discovery call
 * @param note extra advice, e.g. that a physical therapist can be seen without a referral
 */
public record Contact(String name, String email, String phone, String booking, String note) {}
