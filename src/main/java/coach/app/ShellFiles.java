package coach.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The man page coach(1) and the bash and zsh completions, made from the commands' own option
 * definitions and help texts, so they list every command and option of this version and never
 * drift from them. The package build writes them with {@code coach package-files DIR}.
 */
public final class ShellFiles {
  /**
   * One command as the files show it: what selects it, its one line, its whole --help and its
   * options; an internal command has no summary and is left out.
   */
  public record Command(String name, String summary, String help, Options options) {}

  private final String version;
  private final List<Command> commands;

  /** @param version the coach's version, as {@code --version} prints it */
  public ShellFiles(String version, List<Command> commands) {
    this.version = version;
    this.commands = commands.stream().filter(c -> c.summary() != null).toList();
  }

  /** coach(1) in roff: every command with its summary and its whole --help. */
  public String manPage() {
    StringBuilder sb = new StringBuilder();
    sb.append(".\\\" coach(1), made from the commands' own help; do not edit\n")
        .append(".TH COACH 1 \"\" \"rehab-coach ").append(version)
        .append("\" \"Rehab Coach\"\n")
        .append(".SH NAME\ncoach \\- a terminal coach for home rehabilitation exercise\n")
        .append(".SH SYNOPSIS\n.B coach\n[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR] [\\fIARGS\\fR]\n")
        .append(".SH DESCRIPTION\n")
        .append("Rehab Coach loads a routine written by a physical therapist, asks a few safety"
            + " questions, then guides the exercises rep by rep with a large countdown and a cue"
            + " for each movement, asks how much it hurts after each set, and switches to an"
            + " easier version when pain goes up. It does not diagnose or treat; it guides a"
            + " routine's exercises and stops them when pain goes up.\n")
        .append(".PP\nWithout a command, \\fBrun\\fR starts a session (default routine:"
            + " sciatica).\n")
        .append(".SH COMMANDS\n");
    for (Command c : commands) {
      sb.append(".SS ").append(c.name()).append('\n').append(roff(c.summary())).append('\n')
          .append(".PP\n.nf\n");
      for (String line : c.help().split("\\R")) {
        sb.append(roffLine(line)).append('\n');
      }
      sb.append(".fi\n");
    }
    sb.append(".SH EXIT STATUS\n")
        .append("0 done; 1 a routine or history that cannot be used; 2 a usage error; 3 no"
            + " terminal that can show the coach; 4 a session of the same patient is running"
            + " now; 129, 130, 143 a session saved and ended by SIGHUP, SIGINT, SIGTERM.\n")
        .append(".SH ENVIRONMENT\n")
        .append(".TP\n.B COACH_DB\nthe clinic's PostgreSQL history, as \\-\\-db URL\n")
        .append(".TP\n.B XDG_DATA_HOME\nthe data folder is $XDG_DATA_HOME/rehab-coach\n")
        .append(".TP\n.B NO_COLOR\nwhen set and not empty, no colour\n")
        .append(".TP\n.B LANG, LC_ALL, LC_MESSAGES\nthe screens' language (en, es)\n")
        .append(".SH FILES\n")
        .append(".TP\n.I ~/.local/share/rehab-coach/\nyour data folder: history.db, settings,"
            + " coach.log, routines/\n")
        .append(".TP\n.I /var/lib/rehab-coach/\nthe service's data folder: history.db,"
            + " ssh_host_key, serve.log\n")
        .append(".TP\n.I /etc/rehab-coach/serve.conf\nthe service's options (COACH_SERVE_OPTS)\n")
        .append(".TP\n.I /etc/rehab-coach/patients.yaml\nthe service's patients file: the codes"
            + " its kiosks accept\n")
        .append(".SH SEE ALSO\n.BR ssh (1),\n.BR sshd_config (5),\n.BR pg_dump (1)\n");
    return sb.toString();
  }

  private static String roff(String text) {
    return text.replace("\\", "\\e").replace("-", "\\-");
  }

  private static String roffLine(String line) {
    String l = roff(line);
    return l.startsWith(".") || l.startsWith("'") ? "\\&" + l : l;
  }

  /** The words that complete an option's value: "dir", "file" or "" (none offered). */
  private static String valueKind(Option o) {
    if (!o.hasArg()) {
      return null;
    }
    String arg = String.valueOf(o.getArgName()).toUpperCase(Locale.ROOT);
    if (arg.equals("DIR")) {
      return "dir";
    }
    return arg.contains("FILE") ? "file" : "";
  }

  private static List<String> names(Option o) {
    List<String> n = new ArrayList<>();
    if (o.getOpt() != null) {
      n.add("-" + o.getOpt());
    }
    if (o.getLongOpt() != null) {
      n.add("--" + o.getLongOpt());
    }
    return n;
  }

  /** The bash completion: commands first, then each command's options and their values. */
  public String bash() {
    StringBuilder sb = new StringBuilder();
    sb.append("# bash completion for coach (Rehab Coach ").append(version)
        .append("), made from the commands' own options\n")
        .append("_coach() {\n")
        .append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
        .append("  local cmd=\"\" i\n")
        .append("  for ((i = 1; i < COMP_CWORD; i++)); do\n")
        .append("    case \"${COMP_WORDS[i]}\" in\n")
        .append("      ").append(String.join("|", commands.stream().map(Command::name).toList()))
        .append(") cmd=\"${COMP_WORDS[i]}\"; break ;;\n")
        .append("    esac\n  done\n")
        .append("  case \"${cmd:-run}:$prev\" in\n");
    List<String> dirs = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Command c : commands) {
      for (Option o : c.options().getOptions()) {
        String kind = valueKind(o);
        if (kind == null) {
          continue;
        }
        List<String> target = kind.equals("dir") ? dirs : kind.equals("file") ? files : values;
        for (String n : names(o)) {
          target.add(c.name() + ":" + n);
        }
      }
    }
    if (!dirs.isEmpty()) {
      sb.append("    ").append(String.join("|", dirs))
          .append(")\n      COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n");
    }
    if (!files.isEmpty()) {
      sb.append("    ").append(String.join("|", files))
          .append(")\n      COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n");
    }
    if (!values.isEmpty()) {
      sb.append("    ").append(String.join("|", values))
          .append(")\n      COMPREPLY=(); return ;;\n");
    }
    sb.append("  esac\n  local opts\n  case \"${cmd:-run}\" in\n");
    for (Command c : commands) {
      List<String> opts = new ArrayList<>();
      c.options().getOptions().forEach(o -> opts.addAll(names(o)));
      sb.append("    ").append(c.name()).append(") opts=\"").append(String.join(" ", opts))
          .append("\" ;;\n");
    }
    sb.append("  esac\n")
        .append("  if [[ \"$cur\" == -* ]]; then\n")
        .append("    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n")
        .append("  elif [[ -z \"$cmd\" ]]; then\n")
        .append("    COMPREPLY=($(compgen -W \"")
        .append(String.join(" ", commands.stream().map(Command::name).toList()))
        .append("\" -- \"$cur\") $(compgen -f -- \"$cur\"))\n")
        .append("  else\n    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\n")
        .append("complete -o filenames -F _coach coach\n");
    return sb.toString();
  }

  /** The zsh completion (#compdef): commands with their summaries, options with theirs. */
  public String zsh() {
    StringBuilder sb = new StringBuilder();
    sb.append("#compdef coach\n# zsh completion for coach (Rehab Coach ").append(version)
        .append("), made from the commands' own options\n")
        .append("_coach() {\n  local -a commands\n  commands=(\n");
    for (Command c : commands) {
      sb.append("    '").append(c.name()).append(':').append(c.summary().replace("'", "'\\''"))
          .append("'\n");
    }
    sb.append("  )\n  local cmd=run\n")
        .append("  if (( CURRENT > 2 )) && (( ${commands[(I)${words[2]}:*]} )); then\n")
        .append("    cmd=${words[2]}; shift words; (( CURRENT-- ))\n")
        .append("  fi\n  case $cmd in\n");
    for (Command c : commands) {
      sb.append("    ").append(c.name()).append(")\n      _arguments -s :");
      for (Option o : c.options().getOptions()) {
        sb.append(" \\\n        ").append(zshSpec(o));
      }
      if (c.name().equals("run")) {
        sb.append(" \\\n        '1: :{_describe command commands; _files}'");
      }
      sb.append(" \\\n        '*:file:_files' ;;\n");
    }
    sb.append("  esac\n}\n_coach \"$@\"\n");
    return sb.toString();
  }

  private static String zshSpec(Option o) {
    String desc = String.valueOf(o.getDescription());
    int cut = desc.length();
    for (String stop : new String[] {" (", "; ", ", "}) {
      int i = desc.indexOf(stop);
      if (i > 0 && i < cut) {
        cut = i;
      }
    }
    desc = zshQuote(desc.substring(0, cut));
    String kind = valueKind(o);
    String value = kind == null ? "" : ":" + o.getArgName().toLowerCase(Locale.ROOT)
        .replace("|", " or ") + ":" + (kind.equals("dir") ? "_files -/" : kind.equals("file")
            ? "_files" : " ");
    List<String> names = names(o);
    if (names.size() == 1) {
      return "'" + names.get(0) + (kind == null ? "" : "=") + "[" + desc + "]" + value + "'";
    }
    return "'(" + String.join(" ", names) + ")'{" + String.join(",", names) + "}'"
        + (kind == null ? "" : "=") + "[" + desc + "]" + value + "'";
  }

  private static String zshQuote(String s) {
    return s.replace("'", "'\\''").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:");
  }
}
