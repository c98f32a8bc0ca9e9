package coach.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizedKeyTest {
  private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5"
      + "C9okWi0dh2l9GKJl kiosk-1";
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path tmp;

  private static AuthorizedKey key(String options) throws Exception {
    return AuthorizedKey.parse(options.isEmpty() ? KEY : options + " " + KEY, UTC);
  }

  private static InetAddress ip(String s) throws Exception {
    return InetAddress.getByName(s);
  }

  @Test
  void fromMatchesAddressesWildcardsAndBlocksAndAnExclusionWins() throws Exception {
    AuthorizedKey k = key("from=\"192.168.1.*,10.0.0.0/8,!10.6.6.6,2001:db8::/32\"");
    assertTrue(k.allows(ip("192.168.1.40"), NOW));
    assertTrue(k.allows(ip("10.200.3.4"), NOW));
    assertTrue(k.allows(ip("2001:db8::7"), NOW));
    assertFalse(k.allows(ip("10.6.6.6"), NOW), "excluded");
    assertFalse(k.allows(ip("192.168.2.40"), NOW));
    assertFalse(k.allows(ip("127.0.0.1"), NOW));
    assertFalse(k.allows(null, NOW), "an unknown address is not let in");
    assertTrue(key("from=\"127.0.0.?\"").allows(ip("127.0.0.1"), NOW));
    assertTrue(key("").allows(ip("203.0.113.9"), NOW), "no from=: any address");
  }

  @Test
  void expiryTimeIsHonouredInLocalTimeOrUtc() throws Exception {
    assertTrue(key("expiry-time=\"20261126\"").expires().equals(Instant.parse(
        "2026-11-26T00:00:00Z")));
    assertFalse(key("expiry-time=\"20261126\"").allows(ip("127.0.0.1"), NOW), "expired");
    assertTrue(key("expiry-time=\"202611261001Z\"").allows(ip("127.0.0.1"), NOW));
    assertFalse(key("expiry-time=\"20261126095959\"").allows(ip("127.0.0.1"), NOW));
    AuthorizedKey berlin = AuthorizedKey.parse("expiry-time=\"202611261030\" " + KEY,
        ZoneId.of("Europe/Berlin"));
    assertEquals(Instant.parse("2026-11-26T09:30:00Z"), berlin.expires());
    assertThrows(AuthorizedKey.Refused.class, () -> key("expiry-time=\"20261332\""));
    assertThrows(AuthorizedKey.Refused.class, () -> key("expiry-time=\"tomorrow\""));
  }

  @Test
  void restrictionsThisServerAlwaysKeepsAreAccepted() throws Exception {
    AuthorizedKey k = key("restrict,no-pty,no-port-forwarding,no-agent-forwarding,"
        + "no-X11-forwarding,no-user-rc,permitopen=\"host:1\",tunnel=\"1\",pty");
    assertTrue(k.allows(ip("127.0.0.1"), NOW));
    assertNull(k.from());
  }

  @Test
  void optionsThatCannotBeHonouredRefuseTheKey() {
    for (String o : new String[] {"command=\"/bin/sh\"", "environment=\"A=b\"",
        "principals=\"kiosk\"", "cert-authority", "verify-required", "no-such-option",
        "from=\"kiosk.clinic.example\"", "from=\"10.0.0.0/99\"", "from=\"\""}) {
      AuthorizedKey.Refused e = assertThrows(AuthorizedKey.Refused.class, () -> key(o), o);
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
  }

  @Test
  void aFileIsRefusedAtTheLineThatCannotBeHonoured() throws Exception {
    Path f = tmp.resolve("kiosks.pub");
    Files.writeString(f, "# kiosks\n" + KEY + "\n\ncommand=\"/bin/sh\" " + KEY + "\n");
    AuthorizedKey.File read = AuthorizedKey.read(f, UTC);
    assertTrue(read.problem().startsWith(f + ":4:1: the option \"command\" cannot be honoured"),
        read.problem());
    Files.writeString(f, "from=\"127.0.0.1\" " + KEY + "\n" + KEY + "\n");
    read = AuthorizedKey.read(f, UTC);
    assertNull(read.problem());
    assertEquals(2, read.keys().size());
  }
}
