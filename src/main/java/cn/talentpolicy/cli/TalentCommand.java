package cn.talentpolicy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line ({@code ./talent <command>}): tools that run without the service. With no command the
 * jar starts the service.
 */
@Command(name = "talent", mixinStandardHelpOptions = true,
        description = "Talent-policy engine tools. Without a command, the jar starts the service.",
        subcommands = {ValidateCommand.class, GenerateCommand.class, SweepCommand.class, ResweepCommand.class,
                MergeCommand.class})
public class TalentCommand implements Runnable {

    /** The commands this dispatches, so the launcher can tell a command from service arguments. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (new CommandLine(new TalentCommand()).getSubcommands().containsKey(args[0])
                || args[0].equals("--help") || args[0].equals("-h"));
    }

    public static int run(String[] args) {
        // a tool prints its own report: the engine's logging would only bury it
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        return new CommandLine(new TalentCommand()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
