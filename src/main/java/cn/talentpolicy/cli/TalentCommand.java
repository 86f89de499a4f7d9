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
        return new CommandLine(new TalentCommand()).setExecutionExceptionHandler(TalentCommand::failed).execute(args);
    }

    /**
     * A command stopped by rules that do not load, or by a file it cannot read or write: the message is the
     * report (a stack trace would only hide it). Anything else is a fault of ours and keeps its trace.
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof cn.talentpolicy.engine.RulesetException) {
            command.getErr().println(e.getMessage() + "\n(--rules names the rules folder; default: rules)");
            return 2;
        }
        if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
            command.getErr().println(command.getCommandName() + ": " + e);
            return 1;
        }
        throw e;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
