package cn.talentpolicy;

import cn.talentpolicy.cli.TalentCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

/**
 * Starts the service ({@code serve}, or no command; Spring Boot's {@code --name=value} arguments go with it), or
 * runs a command-line tool (see {@link TalentCommand}). Anything else, such as a mistyped command, is the tools'
 * usage and exit code 2: it must not start a web server that waits for ever.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TalentPolicyApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            SpringApplication.run(TalentPolicyApplication.class, Arrays.copyOfRange(args, 1, args.length));
        } else if (TalentCommand.startsService(args)) {
            SpringApplication.run(TalentPolicyApplication.class, args);
        } else {
            System.exit(TalentCommand.run(args));
        }
    }
}
