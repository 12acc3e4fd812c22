// StdAfx.h

#ifndef __STDAFX_H
#define __STDAFX_H

// #include "MyWindows.h"
#include "NewHandler.h"

#endif 
