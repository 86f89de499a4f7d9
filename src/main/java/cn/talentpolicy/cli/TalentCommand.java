package cn.talentpolicy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Arrays;

/**
 * The command line ({@code ./talent <command>}): tools that run without the service. With {@code serve} or no
 * command the jar starts the service; an unknown command prints the usage and exits 2.
 */
@Command(name = "talent", mixinStandardHelpOptions = true,
        description = {"Talent-policy engine tools.",
                "serve (or no command) starts the service; Spring Boot's --name=value settings go with it."},
        subcommands = {ValidateCommand.class, GenerateCommand.class, SweepCommand.class, ResweepCommand.class,
                MergeCommand.class, RegisterCommand.class})
public class TalentCommand implements Runnable {

    /**
     * Whether the arguments are the service's rather than a tool's: none, or only Spring Boot's
     * {@code --name=value} settings ({@code --help} and {@code --version} are the tools').
     */
    public static boolean startsService(String[] args) {
        return Arrays.stream(args).allMatch(arg -> arg.startsWith("--") && !arg.equals("--help")
                && !arg.equals("--version"));
    }

    public static int run(String[] args) {
        // a tool prints its own report: the engine's logging would only bury it
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        return new CommandLine(new TalentCommand()).setExecutionExceptionHandler(TalentCommand::failed)
                .setParameterExceptionHandler(TalentCommand::misused).execute(args);
    }

    /** Arguments that name no command or option: what was wrong, what was perhaps meant, and the usage. */
    private static int misused(CommandLine.ParameterException e, String[] args) {
        java.io.PrintWriter err = e.getCommandLine().getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        e.getCommandLine().usage(err);
        return CommandLine.ExitCode.USAGE;
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
