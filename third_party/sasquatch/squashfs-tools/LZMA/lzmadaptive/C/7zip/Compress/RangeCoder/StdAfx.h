// StdAfx.h

#ifndef __STDAFX_H
#define __STDAFX_H

#endif
