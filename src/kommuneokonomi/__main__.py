from kommuneokonomi.cli import main

main()
