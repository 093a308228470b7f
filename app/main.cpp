#include "application.h"

int main(int argc, char **argv)
{
    return roofline::runApplication(argc, argv);
}
