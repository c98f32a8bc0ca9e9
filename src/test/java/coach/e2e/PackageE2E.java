package coach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What scripts/package makes, as a clinic would use it: the tarball unpacked in an empty folder
 * runs with no java on the PATH (its own runtime), and the .deb holds the launcher, the service,
 * the man page and the completions, with a unit that systemd-analyze verifies.
 */
@Tag("e2e")
@Timeout(600)
class PackageE2E {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path DIST = ROOT.resolve("target/dist");
  private static final Path JAR = ROOT.resolve("target/rehab-coach.jar");
  private static String version;

  @TempDir Path tmp;

  @BeforeAll
  static void packaged() throws Exception {
    Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
    Assumptions.assumeTrue(Files.isExecutable(jlink) || onPath("jlink"),
        "jlink is missing: this JDK cannot make the packaged runtime (install a full JDK)");
    assertTrue(Files.exists(JAR), "run after 'mvn package': " + JAR);
    version = new String(new ProcessBuilder("java", "-jar", JAR.toString(), "--version")
        .start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ")[1];
    Path tarball = DIST.resolve("rehab-coach-" + version + "-linux-x64.tar.gz");
    if (!Files.exists(tarball) || Files.getLastModifiedTime(tarball).compareTo(
        Files.getLastModifiedTime(JAR)) < 0) {
      Process p = new ProcessBuilder(ROOT.resolve("scripts/package").toString(), "--no-build")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(500, TimeUnit.SECONDS), "scripts/package did not end");
      assertEquals(0, p.exitValue(), out);
    }
  }

  /** The links of {@link #pathWithoutJava} go before the folder does (quietly). */
  @AfterEach
  void unlinkPrograms() throws IOException {
    Path bin = tmp.resolve("bin");
    if (Files.isDirectory(bin)) {
      try (var links = Files.list(bin)) {
        for (Path link : links.toList()) {
          Files.delete(link);
        }
      }
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** A folder of links to every program on this machine but Java's: a PATH without java. */
  private Path pathWithoutJava() throws IOException {
    Path bin = tmp.resolve("bin");
    Files.createDirectories(bin);
    for (String dir : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
      if (!Files.isDirectory(Path.of(dir))) {
        continue;
      }
      try (var files = Files.list(Path.of(dir))) {
        for (Path f : files.toList()) {
          Path link = bin.resolve(f.getFileName().toString());
          boolean inJdk = Files.exists(f) && f.toRealPath().startsWith("/usr/lib/jvm");
          if (!inJdk && !f.getFileName().toString().equals("java") && !Files.exists(link,
              java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, f);
          }
        }
      }
    }
    return bin;
  }

  private static String run(Path dir, String path, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().put("PATH", path);
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("LANG", "C.UTF-8");
    Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return p.exitValue() + ":" + out;
  }

  @Test
  void theUnpackedTarballRunsASessionWithNoJavaOnThePath() throws Exception {
    Path unpacked = tmp.resolve("empty");
    Files.createDirectories(unpacked);
    assertTrue(Proc.run(tmp, "tar", "-C", unpacked.toString(), "-xzf", DIST.resolve(
        "rehab-coach-" + version + "-linux-x64.tar.gz").toString()).startsWith("0:"));
    Path home = unpacked.resolve("rehab-coach-" + version);
    String path = pathWithoutJava().toString();
    String java = run(home, path, "sh", "-c", "command -v java || echo none");
    assertEquals("0:none\n", java, "java is on the PATH");

    assertEquals("0:rehab-coach " + version + "\n", run(home, path, "bin/coach", "--version"));
    // its README speaks of what the tarball holds: no scripts/ from the clone
    String readme = Files.readString(home.resolve("README.md"));
    assertTrue(readme.startsWith("# Rehab Coach (installed)"), readme);
    assertFalse(readme.contains("scripts/"), readme);
    assertTrue(Files.exists(home.resolve("lib/coach.jsa")),
        "the first start records the class-data archive for this folder");
    String validated = run(home, path, "bin/coach", "validate", "routines/sciatica.yaml");
    assertTrue(validated.startsWith("0:"), validated);
    assertTrue(validated.contains("Sciatica relief routine"), validated);

    try (Tmux t = new Tmux(80, 24, home, path)) {
      Path data = tmp.resolve("data");
      t.line("bin/coach --pace 400 --patient e2e --data-dir " + data + "; echo EXIT=$?");
      t.waitFor("Press Enter to begin", 20_000);
      Process pgrep = new ProcessBuilder("pgrep", "-f", "^" + home + "/runtime/bin/java ").start();
      assertFalse(new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .isBlank(), "the session runs on the package's own runtime");
      t.keys("Enter");
      assertEquals(30, t.walkToSummary());
      assertTrue(t.waitFor("Session summary", 30_000).contains("Hip CARs"));
      t.keys("Enter");
      t.waitFor(s -> s.contains("EXIT=0"), 10_000, "the coach to exit 0");
      assertEquals(30, Proc.count(data.resolve("history.db"), "SELECT count(*) FROM ratings"));
    }
    String checked = run(home, path, "bin/coach", "check", "--data-dir",
        tmp.resolve("data").toString());
    assertTrue(checked.startsWith("0:") && checked.endsWith("Sound.\n"), checked);
  }

  @Test
  void theDebHoldsTheLauncherTheServiceTheManPageAndTheCompletions() throws Exception {
    Path deb = DIST.resolve("rehab-coach_" + version + "_amd64.deb");
    String listing = Proc.run(tmp, "dpkg-deb", "-c", deb.toString());
    assertTrue(listing.startsWith("0:"), listing);
    List<String> lines = listing.lines().toList();
    assertHas(lines, "-rwxr-xr-x root/root", "./opt/rehab-coach/bin/coach");
    assertHas(lines, "-rwxr-xr-x root/root", "./opt/rehab-coach/runtime/bin/java");
    assertHas(lines, "-rw-r--r-- root/root", "./opt/rehab-coach/app/rehab-coach.jar");
    assertHas(lines, "-rw-r--r-- root/root", "./opt/rehab-coach/routines/sciatica.yaml");
    assertHas(lines, "lrwxrwxrwx root/root", "./usr/bin/coach -> /opt/rehab-coach/bin/coach");
    assertHas(lines, "-rw-r--r-- root/root", "./lib/systemd/system/rehab-coach.service");
    assertHas(lines, "-rw-r--r-- root/root", "./usr/share/man/man1/coach.1.gz");
    assertHas(lines, "-rw-r--r-- root/root", "./usr/share/bash-completion/completions/coach");
    assertHas(lines, "-rw-r--r-- root/root", "./usr/share/zsh/vendor-completions/_coach");
    assertHas(lines, "-rw-r--r-- root/root", "./etc/rehab-coach/serve.conf");
    assertHas(lines, "-rw-r----- root/root", "./etc/rehab-coach/patients.yaml");
    assertFalse(listing.contains("coach.jsa"), "an archive is made where it is installed");
    assertFalse(listing.contains("./var/lib/rehab-coach"), "the data folder is never the"
        + " package's: no upgrade or removal touches it");
    assertEquals("0:Package: rehab-coach\nVersion: " + version + "\n", Proc.run(tmp,
        "dpkg-deb", "-f", deb.toString(), "Package", "Version"));
    assertEquals("0:/etc/rehab-coach/serve.conf\n/etc/rehab-coach/patients.yaml\n",
        Proc.run(tmp, "dpkg-deb", "-I", deb.toString(), "conffiles"));

    Path root = tmp.resolve("root");
    assertTrue(Proc.run(tmp, "dpkg-deb", "-x", deb.toString(), root.toString())
        .startsWith("0:"));
    String man = Proc.run(tmp, "sh", "-c", "zcat " + root
        + "/usr/share/man/man1/coach.1.gz");
    for (String command : List.of("run", "validate", "serve", "backup", "restore", "check")) {
      assertTrue(man.contains("\n.SS " + command + "\n"), command);
    }
    // the default: kiosks that accept only the listed codes, and a patients file serve takes
    String conf = Files.readString(root.resolve("etc/rehab-coach/serve.conf"));
    assertTrue(conf.lines().anyMatch(l -> l.startsWith("COACH_SERVE_OPTS=")
        && l.contains("--kiosk") && l.contains("--patients /etc/rehab-coach/patients.yaml")
        && !l.contains("--any-code")), conf);
    assertTrue(coach.kiosk.Patients.load(root.resolve("etc/rehab-coach/patients.yaml")).ok());
    assertTrue(Proc.run(tmp, "dpkg-deb", "-I", deb.toString(), "postinst").contains(
        "chgrp rehab-coach /etc/rehab-coach/patients.yaml"));
    String bash = Files.readString(root.resolve("usr/share/bash-completion/completions/coach"));
    assertTrue(bash.contains("backup) opts=\"--to --data-dir --db -h --help\""), bash);
    for (String script : List.of("postinst", "prerm", "postrm")) {
      String text = Proc.run(tmp, "dpkg-deb", "-I", deb.toString(), script);
      assertTrue(text.startsWith("0:#!/bin/sh"), script + ": " + text);
      assertFalse(text.contains("rm -rf") || text.contains("rm -r /var"), script + ": " + text);
    }

    // the unit as installed; where nothing is installed, pointed at the unpacked files
    Path unit = root.resolve("lib/systemd/system/rehab-coach.service");
    String text = Files.readString(unit);
    for (String hardening : List.of("User=rehab-coach", "NoNewPrivileges=yes",
        "ProtectSystem=strict", "PrivateTmp=yes", "ReadWritePaths=/var/lib/rehab-coach",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "StateDirectory=rehab-coach",
        "StandardOutput=journal", "KillSignal=SIGTERM")) {
      assertTrue(text.lines().anyMatch(hardening::equals), hardening);
    }
    Assumptions.assumeTrue(onPath("systemd-analyze"), "systemd-analyze is missing");
    Path verified = tmp.resolve("rehab-coach.service");
    Files.writeString(verified, text.replace("/opt/rehab-coach", root + "/opt/rehab-coach"));
    ProcessBuilder pb = new ProcessBuilder("systemd-analyze", "verify", verified.toString())
        .redirectErrorStream(true);
    pb.environment().put("MANPATH", root.resolve("usr/share/man").toString());
    Process p = pb.start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), said);
    assertEquals("", said);
  }

  private static void assertHas(List<String> listing, String modeOwner, String path) {
    assertTrue(listing.stream().anyMatch(l -> l.startsWith(modeOwner) && l.endsWith(" " + path)),
        modeOwner + " " + path + " in:\n" + String.join("\n", listing));
  }
}
