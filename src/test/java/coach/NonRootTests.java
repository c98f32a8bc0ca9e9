package coach;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.Arrays;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the named test classes in this process and exits 1 on any failure. scripts/test runs the
 * tests that need permission bits to bite (an unreadable file, a folder that cannot be entered)
 * through it as an unprivileged user when the suite itself runs as root, where they skip.
 */
public final class NonRootTests {
  private NonRootTests() {}

  public static void main(String[] args) throws ClassNotFoundException {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    for (String name : args) {
      request.selectors(selectClass(Class.forName(name)));
    }
    // the Jupiter tests alone: the property engine writes its database in the working folder
    request.filters(EngineFilter.includeEngines("junit-jupiter"));
    LauncherDiscoveryRequest built = request.build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(built, listener);
    TestExecutionSummary s = listener.getSummary();
    PrintWriter out = new PrintWriter(System.out, true);
    s.printFailuresTo(out, 20);
    out.printf("As %s: %d tests passed, %d skipped, %d not for this user, %d failed (%s)%n",
        System.getProperty("user.name"), s.getTestsSucceededCount(), s.getTestsSkippedCount(),
        s.getTestsAbortedCount(), s.getTotalFailureCount(), String.join(", ", Arrays.stream(args)
            .map(a -> a.substring(a.lastIndexOf('.') + 1)).toList()));
    System.exit(s.getTotalFailureCount() > 0 || s.getTestsSucceededCount() == 0 ? 1 : 0);
  }
}
