// The bundle's entry (bin/lioctl answers --version before loading it).
// main.js runs the command and reports its own errors.
void import('./main.js');
