#include <stdio.h>
int main(void) { puts("newsfields"); return 0; }
